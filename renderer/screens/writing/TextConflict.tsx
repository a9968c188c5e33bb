/**
 * Two (or more) versions of one text written at the same time by different people: shown
 * side by side with the words only one version has marked. The lead keeps one version
 * (a revision whose parents are all the versions: the conflict is resolved) and then
 * edits it on as usual, taking over what is worth keeping from the other.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { hasWords, wordDiff, type DiffPart } from '../../../shared/merge/textDiff';
import type { Assessment, RichText, TextRevision, TextValue } from '../../../shared/model/types';
import { richToText } from '../../../shared/narrative';
import { formatDateTime } from '../../i18n';
import { useWriteText } from './save';

/** The readable text of a version (the body of a section, finding or recommendation; an action's text). */
export function versionText(v: TextValue): string {
  const rich: RichText | undefined = v.kind === 'section' || v.kind === 'finding' || v.kind === 'recommendation' ? v.body : v.kind === 'action' ? v.text : undefined;
  if (!rich) return v.kind === 'deleted' ? '' : JSON.stringify(v);
  return richToText(rich);
}

function Marked({ parts, side }: { parts: readonly DiffPart[]; side: 'a' | 'b' }) {
  return (
    <>
      {parts.map((p, i) => {
        if (p.kind === 'same') return <span key={i}>{side === 'a' ? p.a : p.b}</span>;
        if ((p.kind === 'onlyA') !== (side === 'a')) return null;
        const text = p.kind === 'onlyA' ? p.a : p.b;
        return hasWords(text) ? (
          <ins key={i} className="diff-only">
            {text}
          </ins>
        ) : (
          <span key={i}>{text}</span>
        );
      })}
    </>
  );
}

export function TextConflict(props: { assessment: Assessment; heads: readonly TextRevision[]; lang: Lang; onOpenRef?: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const write = useWriteText(props.assessment);
  const [a, b] = props.heads;
  const parts = useMemo(() => (a && b ? wordDiff(versionText(a.value), versionText(b.value), props.lang) : []), [a, b, props.lang]);
  if (!a || !b) return null;
  const keep = (head: TextRevision) => void write(head.key, head.value, head.lang);
  return (
    <section className="notice warning text-conflict" aria-labelledby={`conflict-${a.id}`} data-testid="text-conflict">
      <h3 id={`conflict-${a.id}`}>{t('writing.conflictTitle')}</h3>
      <p>{t('writing.conflictIntro')}</p>
      <div className="conflict-versions">
        {[a, b].map((head, i) => (
          <div key={head.id} className="conflict-version" data-testid={`text-version-${i + 1}`}>
            <p className="conflict-who">
              <strong>{head.byName}</strong> · {formatDateTime(i18n.language, head.at)}
            </p>
            <div className="conflict-text">
              {head.value.kind === 'deleted' ? <em>{t('writing.deletedVersion')}</em> : <Marked parts={parts} side={i === 0 ? 'a' : 'b'} />}
            </div>
            <button type="button" className="primary" onClick={() => keep(head)} data-testid={`keep-version-${i + 1}`}>
              {t('writing.keepVersion', { name: head.byName })}
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
