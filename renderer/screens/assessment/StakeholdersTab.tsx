import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS, type Assessment, type Interview, type Sector, type Stakeholder } from '../../../shared/model/types';
import { isLang, type Lang } from '../../../shared/i18n';
import { formatPersonName, honorificLabel, HONORIFICS, canonicalHonorific } from '../../../shared/stakeholders/honorific';
import { PeopleIndex, screenRows, type EntryMatch } from '../../../shared/stakeholders/match';
import { parsePastedStakeholders } from '../../../shared/stakeholders/paste';
import { guessSector } from '../../../shared/stakeholders/sector';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { repo, useProfile } from '../../db';
import { formatDate } from '../../i18n';
import { useUndo } from '../../state/undo';

type SortKey = 'organization' | 'name' | 'position' | 'recent';

function fold(s: string): string {
  return s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

export function StakeholdersTab({ assessment }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const uiLang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const profile = useProfile();
  // Live records only: deleted and merged-away stakeholders never show.
  const stakeholders = useLiveQuery(async () => (await repo.liveRecords(assessment.id)).stakeholders, [assessment.id]);
  const [deleting, setDeleting] = useState<Stakeholder | null>(null);
  const [inUse, setInUse] = useState<{ stakeholder: Stakeholder; interviews: Interview[] } | null>(null);
  const offerUndo = useUndo((s) => s.offerUndo);
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
                  <td>{formatPersonName(uiLang, s.honorific, s.name)}</td>
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
                      data-testid="delete-stakeholder"
                      onClick={async () => {
                        // Asked only when it can be done: someone interviewed gets an explanation instead.
                        const interviews = (await repo.liveRecords(assessment.id)).interviews.filter((iv) => iv.stakeholderIds.includes(s.id));
                        if (interviews.length > 0) setInUse({ stakeholder: s, interviews });
                        else setDeleting(s);
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
      {deleting && (
        <ConfirmDelete
          title={t('deletion.stakeholderTitle', { name: formatPersonName(uiLang, deleting.honorific, deleting.name) })}
          testId="delete-stakeholder-dialog"
          onClose={() => setDeleting(null)}
          onConfirm={async (reason) => {
            const name = formatPersonName(uiLang, deleting.honorific, deleting.name);
            const result = await repo.deleteStakeholder(deleting.id, profile, reason);
            setDeleting(null);
            if (result.ok) offerUndo({ message: t('deletion.stakeholderDeleted', { name }), undo: () => repo.restore(result.tombstone, profile.id) });
            else setInUse({ stakeholder: deleting, interviews: result.interviews });
          }}
        >
          <p>{t('deletion.stakeholderBody', { name: formatPersonName(uiLang, deleting.honorific, deleting.name) })}</p>
        </ConfirmDelete>
      )}
      {inUse && (
        <Dialog title={t('deletion.stakeholderInUseTitle', { name: formatPersonName(uiLang, inUse.stakeholder.honorific, inUse.stakeholder.name) })} onClose={() => setInUse(null)} testId="stakeholder-in-use">
          <p>{t('deletion.stakeholderInUse', { name: formatPersonName(uiLang, inUse.stakeholder.honorific, inUse.stakeholder.name), count: inUse.interviews.length })}</p>
          <ul>
            {inUse.interviews.map((iv) => (
              <li key={iv.id}>
                {iv.organization} · {formatDate(i18n.language, iv.date)} · {iv.interviewerName}
              </li>
            ))}
          </ul>
          <p>{t('deletion.stakeholderInUseDuplicate', { tab: t('tabs.exchange'), panel: t('duplicates.title') })}</p>
          <p>{t('deletion.stakeholderInUseMistake', { tab: t('tabs.interviews'), action: t('corrections.editInterview') })}</p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => setInUse(null)}>
              {t('common.close')}
            </button>
          </div>
        </Dialog>
      )}
      {editing && (
        <StakeholderDialog
          stakeholder={editing === 'new' ? undefined : editing}
          others={stakeholders.filter((x) => editing === 'new' || x.id !== editing.id)}
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
          existing={stakeholders}
          onClose={() => setPasting(false)}
          onAdd={async (rows, skipped) => {
            if (rows.length > 0) await repo.addStakeholders(assessment.id, rows, profile.id);
            setPasting(false);
            setMessage(
              [t('stakeholders.added', { count: rows.length }), ...(skipped > 0 ? [t('stakeholderEntry.skippedMessage', { count: skipped })] : [])].join(' · '),
            );
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

/** "Already on the list: Mr. Aidar Essembayev (Ministry of Finance)", in the UI language. */
function MatchNote({ match }: { match: EntryMatch<Stakeholder> | EntryMatch<StakeholderData | Stakeholder> }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const who = formatPersonName(lang, match.existing.honorific, match.existing.name);
  return <>{t(`stakeholderEntry.${match.reason}`, { name: who, organization: match.existing.organization })}</>;
}

function StakeholderDialog(props: {
  stakeholder?: Stakeholder;
  others: readonly Stakeholder[];
  organizations: string[];
  onClose: () => void;
  onSave: (d: StakeholderData) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const s = props.stakeholder;
  const index = useMemo(() => new PeopleIndex(props.others), [props.others]);
  const [d, setD] = useState<StakeholderData>({
    organization: s?.organization ?? '',
    honorific: canonicalHonorific(s?.honorific ?? '') ?? s?.honorific ?? '',
    name: s?.name ?? '',
    position: s?.position ?? '',
    sector: s?.sector ?? 'government',
    contacts: s?.contacts ?? '',
    notes: s?.notes ?? '',
  });
  const set = <K extends keyof StakeholderData>(k: K, v: StakeholderData[K]) => setD((prev) => ({ ...prev, [k]: v }));
  const valid = d.organization.trim() !== '' && d.name.trim() !== '';
  const deferred = useDeferredValue(d);
  const match = valid ? index.match(deferred) : undefined;
  const knownHonorific = d.honorific === '' || HONORIFICS.some((h) => h === d.honorific);
  return (
    <Dialog title={s ? t('stakeholders.editTitle') : t('stakeholders.addTitle')} onClose={props.onClose} testId="stakeholder-dialog">
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
                {HONORIFICS.map((h) => (
                  <option key={h} value={h}>
                    {honorificLabel(lang, h)}
                  </option>
                ))}
                {!knownHonorific && <option value={d.honorific}>{d.honorific}</option>}
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
        {match && (
          <p className={`notice ${match.reason === 'samePerson' ? 'warning' : ''}`} role="status" data-testid="entry-match">
            <MatchNote match={match} />
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            {match?.reason === 'samePerson' && !s ? t('stakeholderEntry.addAnyway') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function PasteDialog(props: { existing: readonly Stakeholder[]; onClose: () => void; onAdd: (rows: StakeholderData[], skipped: number) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const parsed = useMemo(() => parsePastedStakeholders(deferredText), [deferredText]);
  const screened = useMemo(
    () => screenRows<StakeholderData, Stakeholder>(parsed.rows.map((r) => ({ ...r, sector: guessSector(r.organization), contacts: '', notes: '' })), props.existing),
    [parsed, props.existing],
  );
  // The user's choices per row (by position); unset rows follow the default.
  const [choices, setChoices] = useState<ReadonlyMap<number, boolean>>(new Map());
  const included = (i: number) => choices.get(i) ?? screened[i]!.addByDefault;
  const toAdd = screened.filter((_, i) => included(i)).map((r) => r.row);
  const repeats = screened.filter((r) => r.match?.reason === 'samePerson').length;
  return (
    <Dialog title={t('stakeholders.pasteTitle')} onClose={props.onClose} wide testId="paste-dialog">
      <div className="form">
        <Field label={t('stakeholders.pasteLabel')} hint={t('stakeholders.pasteHint')}>
          {(id, hint) => (
            <textarea
              id={id}
              rows={8}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setChoices(new Map());
              }}
              aria-describedby={hint}
              autoFocus
              className="mono"
              spellCheck={false}
            />
          )}
        </Field>
        {parsed.skipped.length > 0 && (
          <p className="notice warning">{t('stakeholders.pasteSkipped', { lines: parsed.skipped.join(', '), count: parsed.skipped.length })}</p>
        )}
        {repeats > 0 && (
          <p className="notice warning" data-testid="paste-repeats">
            {t('stakeholderEntry.repeats', { count: repeats })}
          </p>
        )}
        {screened.length > 0 && (
          <div className="preview">
            <p>{t('stakeholders.pastePreview', { count: toAdd.length })}</p>
            <table className="data-table compact paste-preview">
              <thead>
                <tr>
                  <th scope="col" className="col-add">{t('stakeholderEntry.addColumn')}</th>
                  <th scope="col">{t('stakeholders.organization')}</th>
                  <th scope="col">{t('stakeholders.name')}</th>
                  <th scope="col">{t('stakeholders.position')}</th>
                  <th scope="col">{t('stakeholders.sector')}</th>
                </tr>
              </thead>
              <tbody>
                {screened.slice(0, 200).map(({ row: r, match }, i) => {
                  const name = formatPersonName(lang, r.honorific, r.name);
                  return (
                    <tr key={i} className={match ? `match-${match.reason}` : undefined} data-testid="paste-row">
                      <td>
                        <input
                          type="checkbox"
                          checked={included(i)}
                          onChange={(e) => setChoices((c) => new Map(c).set(i, e.target.checked))}
                          aria-label={t('stakeholderEntry.addOne', { name })}
                        />
                      </td>
                      <td>{r.organization}</td>
                      <td>
                        {name}
                        {match && (
                          <p className="match-note">
                            <MatchNote match={match} />
                          </p>
                        )}
                      </td>
                      <td>{r.position}</td>
                      <td>{t(`sector.${r.sector}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" disabled={toAdd.length === 0} onClick={() => void props.onAdd(toAdd, screened.length - toAdd.length)} data-testid="paste-add">
            {t('stakeholders.addCount', { count: toAdd.length })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
