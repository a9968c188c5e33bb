import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { repo } from '../db';

/** First use: who is interviewing on this device. The device id is generated alongside. */
export function ProfileSetup(props: { initial?: { name: string; organization: string }; onDone?: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [organization, setOrganization] = useState(props.initial?.organization ?? '');
  const [busy, setBusy] = useState(false);
  const valid = name.trim().length > 0;
  return (
    <form
      className="card form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!valid) return;
        setBusy(true);
        await repo.saveProfile({ name, organization });
        setBusy(false);
        props.onDone?.();
      }}
    >
      {!props.initial && <p>{t('profile.intro')}</p>}
      <Field label={t('profile.name')}>
        {(id) => <input id={id} type="text" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="name" autoFocus maxLength={200} />}
      </Field>
      <Field label={t('profile.organization')}>
        {(id) => <input id={id} type="text" value={organization} onChange={(e) => setOrganization(e.target.value)} autoComplete="organization" maxLength={300} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!valid || busy}>
          {props.initial ? t('common.save') : t('profile.start')}
        </button>
      </div>
    </form>
  );
}
