import { useRef, type KeyboardEvent } from 'react';

/** An ARIA tab list: arrow keys move between tabs, Home/End jump; activation follows focus. */
export function Tabs<T extends string>(props: { label: string; tabs: ReadonlyArray<{ id: T; label: string }>; selected: T; onSelect: (id: T) => void; idPrefix: string }) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const n = props.tabs.length;
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % n;
    else if (e.key === 'ArrowLeft') next = (index - 1 + n) % n;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    if (next < 0) return;
    e.preventDefault();
    const tab = props.tabs[next]!;
    props.onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} className="tabs">
      {props.tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
          }}
          type="button"
          role="tab"
          id={`${props.idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === props.selected}
          aria-controls={`${props.idPrefix}-panel`}
          tabIndex={tab.id === props.selected ? 0 : -1}
          className={tab.id === props.selected ? 'tab selected' : 'tab'}
          onClick={() => props.onSelect(tab.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
