import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS, type Assessment, type Sector, type Stakeholder } from '../../../shared/model/types';
import { parsePastedStakeholders } from '../../../shared/stakeholders/paste';
import { guessSector } from '../../../shared/stakeholders/sector';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { db, repo, useProfile } from '../../db';

type SortKey = 'organization' | 'name' | 'position' | 'recent';

function fold(s: string): string {
  return s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

export function StakeholdersTab({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const profile = useProfile();
  const stakeholders = useLiveQuery(() => db.stakeholders.where('assessmentId').equals(assessment.id).toArray(), [assessment.id]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [sort, setSort] = useState<SortKey>('organization');
  const [editing, setEditing] = useState<Stakeholder | 'new' | null>(null);
  const [pasting, setPasting] = useState(false);
  const [message, setMessage] = useState('');

  const groups = useMemo(() => {
    if (!stakeholders) return [];
    const q = fold(deferredQuery.trim());
    const matching = stakeholders.filter((s) => !q || fold(`${s.organization} ${s.name} ${s.position} ${s.contacts}`).includes(q));
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
    const sorted = [...matching].sort((a, b) => {
      switch (sort) {
        case 'name':
          return collator.compare(a.name, b.name);
        case 'position':
          return collator.compare(a.position, b.position);
        case 'recent':
          return a.createdAt < b.createdAt ? 1 : -1;
        default:
          return collator.compare(a.organization, b.organization);
      }
    });
    // Grouped by organisation as in Annex I; groups appear in the order of their first member.
    const byOrg = new Map<string, Stakeholder[]>();
    for (const s of sorted) {
      const list = byOrg.get(s.organization);
      if (list) list.push(s);
      else byOrg.set(s.organization, [s]);
    }
    return [...byOrg];
  }, [stakeholders, deferredQuery, sort, i18n.language]);

  if (!stakeholders || !profile) return null;
  const organizations = [...new Set(stakeholders.map((s) => s.organization))].sort();
  const total = groups.reduce((n, [, list]) => n + list.length, 0);

  return (
    <div className="tab-content">
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">{t('stakeholders.search')}</span>
          <input type="search" placeholder={t('stakeholders.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="inline-field">
          <span>{t('stakeholders.sortBy')}</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="organization">{t('stakeholders.sort.organization')}</option>
            <option value="name">{t('stakeholders.sort.name')}</option>
            <option value="position">{t('stakeholders.sort.position')}</option>
            <option value="recent">{t('stakeholders.sort.recent')}</option>
          </select>
        </label>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => setPasting(true)} data-testid="paste-stakeholders">
          {t('stakeholders.paste')}
        </button>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('stakeholders.add')}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {t('stakeholders.count', { count: total })} · {t('stakeholders.organizations', { count: groups.length })}
        {message && ` · ${message}`}
      </p>
      {stakeholders.length === 0 ? (
        <p className="empty-state">{t('stakeholders.empty')}</p>
      ) : (
        <table className="data-table stakeholder-table">
          <caption className="visually-hidden">{t('tabs.stakeholders')}</caption>
          <colgroup>
            <col className="col-org" />
            <col className="col-name" />
            <col className="col-position" />
            <col className="col-sector" />
            <col className="col-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('stakeholders.organization')}</th>
              <th scope="col">{t('stakeholders.name')}</th>
              <th scope="col">{t('stakeholders.position')}</th>
              <th scope="col">{t('stakeholders.sector')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          {groups.map(([org, list]) => (
            <tbody key={org} className="group">
              {list.map((s, i) => (
                <tr key={s.id}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={list.length} className="org-cell">
                      {org}
                    </th>
                  )}
                  <td>{[s.honorific, s.name].filter(Boolean).join(' ')}</td>
                  <td>{s.position}</td>
                  <td>{t(`sector.${s.sector}`)}</td>
                  <td className="row-actions">
                    <button type="button" className="small" onClick={() => setEditing(s)} aria-label={t('stakeholders.editOne', { name: s.name })}>
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="small danger"
                      aria-label={t('stakeholders.deleteOne', { name: s.name })}
                      onClick={async () => {
                        if (!window.confirm(t('stakeholders.confirmDelete', { name: s.name }))) return;
                        const ok = await repo.deleteStakeholder(s.id);
                        setMessage(ok ? t('stakeholders.deleted', { name: s.name }) : t('stakeholders.cannotDelete', { name: s.name }));
                      }}
                    >
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
      {editing && (
        <StakeholderDialog
          stakeholder={editing === 'new' ? undefined : editing}
          organizations={organizations}
          onClose={() => setEditing(null)}
          onSave={async (data) => {
            if (editing === 'new') await repo.addStakeholders(assessment.id, [data], profile.id);
            else await repo.updateStakeholder(editing.id, data, profile.id);
            setEditing(null);
          }}
        />
      )}
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onAdd={async (rows) => {
            await repo.addStakeholders(assessment.id, rows, profile.id);
            setPasting(false);
            setMessage(t('stakeholders.added', { count: rows.length }));
          }}
        />
      )}
    </div>
  );
}

interface StakeholderData {
  organization: string;
  honorific: string;
  name: string;
  position: string;
  sector: Sector;
  contacts: string;
  notes: string;
}

function StakeholderDialog(props: { stakeholder?: Stakeholder; organizations: string[]; onClose: () => void; onSave: (d: StakeholderData) => Promise<void> }) {
  const { t } = useTranslation();
  const s = props.stakeholder;
  const [d, setD] = useState<StakeholderData>({
    organization: s?.organization ?? '',
    honorific: s?.honorific ?? '',
    name: s?.name ?? '',
    position: s?.position ?? '',
    sector: s?.sector ?? 'government',
    contacts: s?.contacts ?? '',
    notes: s?.notes ?? '',
  });
  const set = <K extends keyof StakeholderData>(k: K, v: StakeholderData[K]) => setD((prev) => ({ ...prev, [k]: v }));
  const valid = d.organization.trim() !== '' && d.name.trim() !== '';
  return (
    <Dialog title={s ? t('stakeholders.editTitle') : t('stakeholders.addTitle')} onClose={props.onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void props.onSave(d);
        }}
      >
        <Field label={t('stakeholders.organization')}>
          {(id) => (
            <>
              <input id={id} type="text" list={`${id}-orgs`} value={d.organization} onChange={(e) => set('organization', e.target.value)} required autoFocus maxLength={500} />
              <datalist id={`${id}-orgs`}>
                {props.organizations.map((o) => (
                  <option key={o} value={o} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <div className="field-row">
          <Field label={t('stakeholders.honorific')} className="narrow-field">
            {(id) => (
              <select id={id} value={d.honorific} onChange={(e) => set('honorific', e.target.value)}>
                <option value="">—</option>
                <option value="Mr.">{t('stakeholders.mr')}</option>
                <option value="Ms.">{t('stakeholders.ms')}</option>
              </select>
            )}
          </Field>
          <Field label={t('stakeholders.name')}>
            {(id) => <input id={id} type="text" value={d.name} onChange={(e) => set('name', e.target.value)} required maxLength={300} />}
          </Field>
        </div>
        <Field label={t('stakeholders.position')}>
          {(id) => <input id={id} type="text" value={d.position} onChange={(e) => set('position', e.target.value)} maxLength={1000} />}
        </Field>
        <Field label={t('stakeholders.sector')}>
          {(id) => (
            <select id={id} value={d.sector} onChange={(e) => set('sector', e.target.value as Sector)}>
              {SECTORS.map((sec) => (
                <option key={sec} value={sec}>
                  {t(`sector.${sec}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('stakeholders.contacts')} hint={t('stakeholders.contactsHint')}>
          {(id, hint) => <input id={id} type="text" value={d.contacts} onChange={(e) => set('contacts', e.target.value)} aria-describedby={hint} maxLength={1000} />}
        </Field>
        <Field label={t('stakeholders.notes')}>
          {(id) => <textarea id={id} rows={3} value={d.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PasteDialog(props: { onClose: () => void; onAdd: (rows: StakeholderData[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const parsed = useMemo(() => parsePastedStakeholders(text), [text]);
  const rows: StakeholderData[] = parsed.rows.map((r) => ({ ...r, sector: guessSector(r.organization), contacts: '', notes: '' }));
  return (
    <Dialog title={t('stakeholders.pasteTitle')} onClose={props.onClose} wide testId="paste-dialog">
      <div className="form">
        <Field label={t('stakeholders.pasteLabel')} hint={t('stakeholders.pasteHint')}>
          {(id, hint) => (
            <textarea id={id} rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={hint} autoFocus className="mono" spellCheck={false} />
          )}
        </Field>
        {parsed.skipped.length > 0 && (
          <p className="notice warning">{t('stakeholders.pasteSkipped', { lines: parsed.skipped.join(', '), count: parsed.skipped.length })}</p>
        )}
        {rows.length > 0 && (
          <div className="preview">
            <p>{t('stakeholders.pastePreview', { count: rows.length })}</p>
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t('stakeholders.organization')}</th>
                  <th scope="col">{t('stakeholders.name')}</th>
                  <th scope="col">{t('stakeholders.position')}</th>
                  <th scope="col">{t('stakeholders.sector')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, 100).map((r, i) => (
                  <tr key={i}>
                    <td>{r.organization}</td>
                    <td>{[r.honorific, r.name].filter(Boolean).join(' ')}</td>
                    <td>{r.position}</td>
                    <td>{t(`sector.${r.sector}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={rows.length === 0} onClick={() => void props.onAdd(rows)}>
            {t('stakeholders.addCount', { count: rows.length })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
