/**
 * A small hash router: the route is UI state (Zustand), mirrored in location.hash so a
 * reload or the Back button lands on the same screen. Hash changes are in-page, so the
 * Electron shell's navigation lock never sees them.
 */
import { create } from 'zustand';

export type Route =
  | { name: 'home' }
  | { name: 'assessment'; assessmentId: string; tab: AssessmentTab; itemId?: string }
  | { name: 'interview'; assessmentId: string; interviewId: string; itemId?: string };

export type AssessmentTab = 'interviews' | 'stakeholders' | 'exchange' | 'consolidation' | 'writing' | 'report' | 'translate';
const TABS: readonly AssessmentTab[] = ['interviews', 'stakeholders', 'exchange', 'consolidation', 'writing', 'report', 'translate'];

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'a' && parts[1]) {
    if (parts[2] === 'i' && parts[3]) {
      return { name: 'interview', assessmentId: parts[1], interviewId: parts[3], ...(parts[4] ? { itemId: parts[4] } : {}) };
    }
    const tab = TABS.includes(parts[2] as AssessmentTab) ? (parts[2] as AssessmentTab) : 'interviews';
    // The consolidation of one item (a reference in the report's text links there).
    return { name: 'assessment', assessmentId: parts[1], tab, ...(tab === 'consolidation' && parts[3] ? { itemId: parts[3] } : {}) };
  }
  return { name: 'home' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'assessment':
      return `#/a/${encodeURIComponent(route.assessmentId)}/${route.tab}${route.itemId ? `/${encodeURIComponent(route.itemId)}` : ''}`;
    case 'interview':
      return `#/a/${encodeURIComponent(route.assessmentId)}/i/${encodeURIComponent(route.interviewId)}${
        route.itemId ? `/${encodeURIComponent(route.itemId)}` : ''
      }`;
  }
}

interface RouterState {
  route: Route;
  navigate(route: Route, options?: { replace?: boolean }): void;
}

export const useRouter = create<RouterState>((set) => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
  navigate(route, options) {
    const hash = routeToHash(route);
    if (location.hash !== hash) {
      if (options?.replace) history.replaceState(null, '', hash);
      else history.pushState(null, '', hash);
    }
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => useRouter.setState({ route: parseHash(location.hash) }));
  window.addEventListener('hashchange', () => useRouter.setState({ route: parseHash(location.hash) }));
}
