import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { repo } from '../db';

/** First use: who is interviewing on this device. The device id is generated alongside. */
export function ProfileSetup(props: { initial?: { name: string; organization: string }; onDone?: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [organization, setOrganization] = useState(props.initial?.organization ?? '');
  const [busy, setBusy] = useState(false);
  // This device's largest supporting document, in MB (set when editing the profile).
  const [limitMb, setLimitMb] = useState('');
  useEffect(() => {
    if (props.initial) void repo.attachmentLimit().then((b) => setLimitMb(String(Math.round(b / (1024 * 1024)))));
  }, [props.initial]);
  const limit = Number(limitMb);
  const limitValid = !props.initial || limitMb === '' || (Number.isInteger(limit) && limit >= 1 && limit <= 2000);
  const valid = name.trim().length > 0 && limitValid;
  return (
    <form
      className="card form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!valid) return;
        setBusy(true);
        await repo.saveProfile({ name, organization });
        if (props.initial && limitMb !== '') await repo.setAttachmentLimit(limit * 1024 * 1024);
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
      {props.initial && (
        <Field label={t('documents.limit')} hint={limitValid ? t('documents.limitHint') : t('documents.limitInvalid')}>
          {(id, hint) => <input id={id} type="number" min={1} max={2000} step={1} value={limitMb} onChange={(e) => setLimitMb(e.target.value)} aria-describedby={hint} aria-invalid={!limitValid} data-testid="attachment-limit" />}
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!valid || busy}>
          {props.initial ? t('common.save') : t('profile.start')}
        </button>
      </div>
    </form>
  );
}
