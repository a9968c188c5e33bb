import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['Alt+PageDown', 'nextSection'],
  ['Alt+PageUp', 'previousSection'],
  ['Alt+↓', 'nextQuestion'],
  ['Alt+↑', 'previousQuestion'],
  ['Alt+N', 'nextUnanswered'],
  ['Alt+F', 'focusMode'],
  ['Ctrl+G', 'jump'],
  ['Ctrl+K', 'search'],
  ['Alt+1 … Alt+5', 'answer'],
  ['Ctrl+S', 'save'],
  ['Tab / Shift+Tab', 'move'],
  ['F1, ?', 'help'],
];

export function ShortcutsHelp(props: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.title')} onClose={props.onClose}>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={action}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{action === 'focusMode' ? t('wizardLayout.shortcutFocus') : t(`shortcuts.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('shortcuts.note')}</p>
    </Dialog>
  );
}
