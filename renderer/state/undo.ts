/**
 * The last destructive action, offered for undo for a short while (see UndoToast). One at
 * a time: a new deletion replaces the offer, and leaving the screen withdraws it (undo is
 * for the action just done where the user is). Undo writes the records again (newer than
 * their tombstones); it never removes a tombstone.
 */
import { create } from 'zustand';
import { routeToHash, useRouter, type Route } from './router';

export interface UndoOffer {
  /** What was done, already translated ("Interview with … deleted."). */
  readonly message: string;
  readonly undo: () => Promise<void>;
  /** The screen the offer belongs to (screenKey); the current one when not given. */
  readonly screen?: string;
}

/** One key per screen: the wizard's item within an interview is the same screen. */
export function screenKey(route: Route): string {
  return route.name === 'interview' ? `interview:${route.interviewId}` : routeToHash(route);
}

interface UndoState {
  offer: (UndoOffer & { readonly key: number; readonly screen: string }) | undefined;
  offerUndo: (offer: UndoOffer) => void;
  withdraw: () => void;
}

let next = 0;

export const useUndo = create<UndoState>((set) => ({
  offer: undefined,
  offerUndo: (offer) => set({ offer: { ...offer, screen: offer.screen ?? screenKey(useRouter.getState().route), key: ++next } }),
  withdraw: () => set({ offer: undefined }),
}));

/** How long the Undo button stays (paused while it has focus or the pointer). */
export const UNDO_MS = 10_000;
