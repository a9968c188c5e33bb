/** One control per answer kind of the catalogue. Native inputs, so keyboard and screen readers work. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceTokens, tokenLabel } from '../../../shared/checklist/answerLabels';
import type { CatalogueItem } from '../../../shared/checklist/catalogue';
import type { Lang } from '../../../shared/i18n';
import type { AnswerValue } from '../../../shared/model/types';
import { DateField } from '../../components/DateField';

/** Kinds whose controls are short enough to sit on the question's line when there is room. */
export function isInlineKind(item: CatalogueItem): boolean {
  return item.kind === 'status' || item.kind === 'yesNo' || item.kind === 'band' || item.kind === 'singleSelect' || item.kind === 'percentage' || item.kind === 'date';
}

export function AnswerControls(props: {
  item: CatalogueItem;
  value: AnswerValue | undefined;
  lang: Lang;
  labelledBy: string;
  onChange: (patch: Partial<AnswerValue>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const { item, value, lang } = props;
  const name = useId();
  const tokens = choiceTokens(item);
  const hasChoice = !!value?.choice || !!value?.choices?.length || typeof value?.number === 'number' || !!value?.date;

  switch (item.kind) {
    case 'status':
    case 'yesNo':
    case 'band':
    case 'singleSelect':
      return (
        <div className="answer-row">
          <div role="radiogroup" aria-labelledby={props.labelledBy} className="choice-group">
            {tokens.map((token, i) => (
              <label key={token} className={`choice choice-${token}${value?.choice === token ? ' checked' : ''}`}>
                <input type="radio" name={name} value={token} checked={value?.choice === token} onChange={() => props.onChange({ choice: token })} data-shortcut={i + 1} />
                <span lang={lang}>{tokenLabel(lang, item.id, token)}</span>
              </label>
            ))}
          </div>
          {hasChoice && (
            <button type="button" className="small link-button" onClick={props.onClear}>
              {t('wizard.clearAnswer')}
            </button>
          )}
        </div>
      );
    case 'multiSelect': {
      const chosen = value?.choices ?? [];
      return (
        <div className="answer-block">
          <div role="group" aria-labelledby={props.labelledBy} className="choice-list">
            {tokens.map((token) => (
              <label key={token} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(token)}
                  onChange={(e) =>
                    props.onChange({ choices: e.target.checked ? tokens.filter((x) => x === token || chosen.includes(x)) : chosen.filter((x) => x !== token) })
                  }
                />
                <span lang={lang}>
                  {item.options && /^[ivx]+$/.test(token) ? `(${token}) ` : ''}
                  {tokenLabel(lang, item.id, token)}
                </span>
              </label>
            ))}
          </div>
          {item.otherOption && chosen.includes(item.otherOption) && (
            <label className="inline-field">
              <span>{t('wizard.pleaseSpecify')}</span>
              <input type="text" value={value?.other ?? ''} onChange={(e) => props.onChange({ other: e.target.value })} />
            </label>
          )}
        </div>
      );
    }
    case 'percentage':
      return (
        <div className="answer-row">
          <label className="inline-field">
            <span>{t('wizard.percentage')}</span>
            <input
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
              className="percentage-input"
              value={value?.number ?? ''}
              onChange={(e) => {
                const n = e.target.value === '' ? undefined : Number(e.target.value);
                props.onChange({ number: n === undefined || Number.isNaN(n) ? undefined : Math.min(100, Math.max(0, n)) });
              }}
            />
            <span aria-hidden="true">%</span>
          </label>
        </div>
      );
    case 'date':
      return (
        <div className="answer-row">
          <label className="inline-field" htmlFor={`${name}-month`}>
            <span>{t('wizard.yearMonth')}</span>
          </label>
          <DateField id={`${name}-month`} precision="month" value={value?.date ?? ''} onChange={(iso) => props.onChange({ date: iso || undefined })} />
        </div>
      );
    default:
      return null;
  }
}
