import type { Assessment } from '../../../shared/model/types';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ImportLogPanel } from './ImportLogPanel';
import { DataIoSection } from '../dataio/DataIoSection';

/** Bundles out (export) and in (import), then what imports leave to review. */
export function ExchangeTab({ assessment }: { assessment: Assessment }) {
  return (
    <div className="tab-content exchange">
      <div className="exchange-grid">
        <ExportPanel assessment={assessment} />
        <ImportPanel assessment={assessment} />
      </div>
      <DataIoSection assessment={assessment} />
      <ConflictsPanel assessment={assessment} />
      <DuplicatesPanel assessment={assessment} />
      <ImportLogPanel assessment={assessment} />
    </div>
  );
}
