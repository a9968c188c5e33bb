/**
 * Annex II: the participants of the national consultation workshop — a second list of
 * people (Stakeholder.workshop = true), entered one by one, picked from the stakeholders
 * already known, or pasted from a spreadsheet like stakeholders (organisation, name,
 * position; see shared/stakeholders/paste.ts). Someone already known is marked, not added
 * twice.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../../../shared/i18n';
import type { Assessment, Dataset, Stakeholder } from '../../../shared/model/types';
import { formatPersonName, splitHonorific } from '../../../shared/stakeholders/honorific';
import { parsePastedStakeholders, type PastedStakeholder } from '../../../shared/stakeholders/paste';
import { guessSector } from '../../../shared/stakeholders/sector';
import { Dialog } from '../../components/Dialog';
import { repo, useProfile } from '../../db';

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The known stakeholder a pasted or typed person is, if any (same name in the same organisation). */
function known(existing: readonly Stakeholder[], p: { organization: string; name: string }): Stakeholder | undefined {
  return existing.find((s) => fold(s.name) === fold(p.name) && fold(s.organization) === fold(p.organization));
}

export function WorkshopPane(props: { assessment: Assessment; dataset: Dataset; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const profile = useProfile();
  const { dataset, assessment } = props;
  const participants = dataset.stakeholders.filter((s) => s.workshop).sort((a, b) => a.organization.localeCompare(b.organization) || a.name.localeCompare(b.name));
  const others = dataset.stakeholders.filter((s) => !s.workshop);
  const [pasting, setPasting] = useState(false);
  const [pick, setPick] = useState('');
  const [form, setForm] = useState({ organization: '', name: '', position: '' });
  const [error, setError] = useState('');
  const ids = useId();

  const addPeople = async (people: PastedStakeholder[]) => {
    if (!profile) return;
    const fresh: PastedStakeholder[] = [];
    for (const p of people) {
      const s = known(dataset.stakeholders, p);
      if (s) {
        if (!s.workshop) await repo.updateStakeholder(s.id, { workshop: true }, profile.id);
      } else fresh.push(p);
    }
    if (fresh.length > 0) await repo.addStakeholders(assessment.id, fresh.map((p) => ({ ...p, sector: guessSector(p.organization), workshop: true })), profile.id);
  };

  return (
    <section className="card panel writing-pane" aria-labelledby="writing-pane-title">
      {props.back}
      <h2 id="writing-pane-title" tabIndex={-1}>
        {t('writing.workshop.title')}
      </h2>
      <p className="muted">{t('writing.workshop.intro')}</p>
      {participants.length === 0 ? (
        <p className="empty-state">{t('writing.workshop.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact" data-testid="workshop-list">
            <thead>
              <tr>
                <th scope="col">{t('stakeholders.organization')}</th>
                <th scope="col">{t('stakeholders.name')}</th>
                <th scope="col">{t('stakeholders.position')}</th>
                <th scope="col" className="col-open"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {participants.map((s) => {
                const name = formatPersonName(lang, s.honorific, s.name);
                return (
                  <tr key={s.id}>
                    <td>{s.organization}</td>
                    <td>{name}</td>
                    <td>{s.position}</td>
                    <td>
                      <button type="button" className="small" onClick={() => profile && void repo.updateStakeholder(s.id, { workshop: false }, profile.id)} aria-label={t('writing.workshop.removeNamed', { name })}>
                        {t('writing.workshop.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="workshop-add">
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            const { honorific, name } = splitHonorific(form.name.trim());
            if (!name || !form.organization.trim()) {
              setError(t('writing.workshop.needNameOrg'));
              return;
            }
            setError('');
            void addPeople([{ organization: form.organization.trim(), honorific, name, position: form.position.trim() }]);
            setForm({ organization: '', name: '', position: '' });
          }}
        >
          <div className="field">
            <label htmlFor={`${ids}-org`}>{t('stakeholders.organization')}</label>
            <input id={`${ids}-org`} type="text" value={form.organization} onChange={(e) => setForm({ ...form, organization: e.target.value })} data-testid="workshop-org" />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-name`}>{t('stakeholders.name')}</label>
            <input id={`${ids}-name`} type="text" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="workshop-name" />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-pos`}>{t('stakeholders.position')}</label>
            <input id={`${ids}-pos`} type="text" value={form.position} onChange={(e) => setForm({ ...form, position: e.target.value })} />
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" data-testid="workshop-add">
              {t('writing.workshop.add')}
            </button>
          </div>
        </form>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          {others.length > 0 && (
            <>
              <label className="inline-field" htmlFor={`${ids}-pick`}>
                <span>{t('writing.workshop.fromStakeholders')}</span>
                <select id={`${ids}-pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
                  <option value="">—</option>
                  {others.map((s) => (
                    <option key={s.id} value={s.id}>{`${formatPersonName(lang, s.honorific, s.name)} (${s.organization})`}</option>
                  ))}
                </select>
              </label>
              <button type="button" disabled={!pick} onClick={() => profile && pick && void repo.updateStakeholder(pick, { workshop: true }, profile.id).then(() => setPick(''))}>
                {t('writing.workshop.mark')}
              </button>
            </>
          )}
          <span className="toolbar-spacer" />
          <button type="button" onClick={() => setPasting(true)} data-testid="workshop-paste">
            {t('writing.workshop.paste')}
          </button>
        </div>
      </div>
      {pasting && (
        <WorkshopPaste
          existing={dataset.stakeholders}
          onClose={() => setPasting(false)}
          onAdd={async (rows) => {
            await addPeople(rows);
            setPasting(false);
          }}
        />
      )}
    </section>
  );
}

function WorkshopPaste(props: { existing: readonly Stakeholder[]; onClose: () => void; onAdd: (rows: PastedStakeholder[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const id = useId();
  const parsed = useMemo(() => parsePastedStakeholders(text), [text]);
  const knownCount = parsed.rows.filter((r) => known(props.existing, r)).length;
  return (
    <Dialog title={t('writing.workshop.pasteTitle')} onClose={props.onClose} wide testId="workshop-paste-dialog">
      <p className="muted" id={`${id}-hint`}>
        {t('stakeholders.pasteHint')}
      </p>
      <textarea id={id} rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('writing.workshop.pasteTitle')} aria-describedby={`${id}-hint`} autoFocus className="mono" spellCheck={false} />
      {parsed.rows.length > 0 && (
        <p role="status">
          {t('writing.workshop.pasteFound', { count: parsed.rows.length })} {knownCount > 0 && t('writing.workshop.pasteKnown', { count: knownCount })}
        </p>
      )}
      {parsed.skipped.length > 0 && <p className="notice warning">{t('stakeholders.pasteSkipped', { lines: parsed.skipped.join(', '), count: parsed.skipped.length })}</p>}
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={parsed.rows.length === 0} onClick={() => void props.onAdd(parsed.rows)} data-testid="workshop-paste-add">
          {t('writing.workshop.pasteAdd', { count: parsed.rows.length })}
        </button>
      </div>
    </Dialog>
  );
}
