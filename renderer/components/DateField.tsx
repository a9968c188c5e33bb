import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, parseDateInput, type DatePrecision } from '../../shared/dateInput';
import { isLang, type Lang } from '../../shared/i18n';

/**
 * A date typed the way the UI language writes it (dd.mm.yyyy in Kazakh and Russian,
 * dd/mm/yyyy in English; mm.yyyy for a month), stored as ISO. A native date input would
 * follow the browser's locale instead (mm/dd/yyyy in a Kazakh interface on an English
 * system). The format is shown as a placeholder and announced as the field's description;
 * text that is not a date is explained and changes nothing.
 */
export function DateField(props: {
  id?: string;
  value: string;
  onChange: (iso: string) => void;
  precision?: DatePrecision;
  /** Earliest allowed ISO date. */
  min?: string;
  describedBy?: string;
  testId?: string;
  className?: string;
  'aria-labelledby'?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const precision = props.precision ?? 'day';
  const [text, setText] = useState(() => formatDateInput(lang, props.value, precision));
  const [problem, setProblem] = useState<'' | 'invalid' | 'tooEarly'>('');
  const ownId = useId();
  const id = props.id ?? ownId;
  const hintId = `${id}-format`;
  const errorId = `${id}-error`;

  // A value set from outside (a reload, another field) or a language switch redraws the
  // text; the user's own typing that already means this value is left alone.
  const shownLang = useRef(lang);
  useEffect(() => {
    const langChanged = shownLang.current !== lang;
    shownLang.current = lang;
    setText((current) => {
      const parsed = parseDateInput(current, precision);
      const means = parsed.kind === 'date' ? parsed.iso : parsed.kind === 'empty' ? '' : undefined;
      return means === props.value && !langChanged ? current : formatDateInput(lang, props.value, precision);
    });
  }, [props.value, lang, precision]);

  const check = (raw: string, final: boolean) => {
    const parsed = parseDateInput(raw, precision);
    if (parsed.kind === 'empty') {
      setProblem('');
      if (props.value !== '') props.onChange('');
    } else if (parsed.kind === 'date') {
      if (props.min && parsed.iso < props.min) setProblem('tooEarly');
      else {
        setProblem('');
        if (parsed.iso !== props.value) props.onChange(parsed.iso);
        if (final) setText(formatDateInput(lang, parsed.iso, precision));
      }
    } else if (final) setProblem('invalid');
  };

  const pattern = t(precision === 'month' ? 'dateField.monthPattern' : 'dateField.dayPattern');
  return (
    <span className={`date-field ${props.className ?? ''}`}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        placeholder={pattern}
        size={precision === 'month' ? 8 : 11}
        aria-invalid={problem !== '' || undefined}
        aria-describedby={[problem ? errorId : hintId, props.describedBy].filter(Boolean).join(' ')}
        aria-labelledby={props['aria-labelledby']}
        data-testid={props.testId}
        onChange={(e) => {
          setText(e.target.value);
          check(e.target.value, false);
        }}
        onBlur={(e) => check(e.target.value, true)}
      />
      <span id={hintId} className="visually-hidden">
        {t('dateField.format', { pattern })}
      </span>
      {problem && (
        <span id={errorId} className="field-error" role="alert">
          {problem === 'invalid' ? t('dateField.invalid', { pattern }) : t('dateField.tooEarly', { date: formatDateInput(lang, props.min ?? '', precision) })}
        </span>
      )}
    </span>
  );
}
