import { useTranslation } from 'react-i18next';

/** answered / relevant with an accessible progressbar role. */
export function ProgressBar(props: { answered: number; relevant: number; label?: string; text?: string }) {
  const { t } = useTranslation();
  const pct = props.relevant === 0 ? 0 : Math.round((props.answered / props.relevant) * 100);
  const text = props.text ?? t('progress.answeredOf', { answered: props.answered, relevant: props.relevant });
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={props.relevant}
        aria-valuenow={props.answered}
        aria-valuetext={text}
        aria-label={props.label ?? t('progress.label')}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}
