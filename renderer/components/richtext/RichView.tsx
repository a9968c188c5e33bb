/** Read-only RichText (previews, the two versions of a conflict): React elements, never HTML. */
import type { RichInline, RichText } from '../../../shared/model/types';
import './richtext.css';

function Inline({ inline, onOpenRef }: { inline: RichInline; onOpenRef?: (id: string) => void }) {
  if (inline.t === 'ref') {
    return onOpenRef ? (
      <button type="button" className="rt-ref link-button" onClick={() => onOpenRef(inline.itemId)}>
        {inline.itemId}
      </button>
    ) : (
      <span className="rt-ref">{inline.itemId}</span>
    );
  }
  if (inline.t === 'footnote') return <sup className="rt-fn" title={inline.text} aria-label={inline.text} />;
  let node = <>{inline.text}</>;
  if (inline.italic) node = <i>{node}</i>;
  if (inline.bold) node = <b>{node}</b>;
  return node;
}

export function RichView({ value, onOpenRef, testId }: { value: RichText; onOpenRef?: (id: string) => void; testId?: string }) {
  return (
    <div className="rt-view" data-testid={testId}>
      {value.blocks.map((b, i) => (
        <div key={i} className="rt-block" data-kind={b.kind} data-level={b.kind === 'paragraph' ? 0 : (b.level ?? 0)}>
          {b.inlines.map((inline, j) => (
            <Inline key={j} inline={inline} onOpenRef={onOpenRef} />
          ))}
        </div>
      ))}
    </div>
  );
}
