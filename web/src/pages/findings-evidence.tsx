import { useApp } from '../context';
import { formatDate } from '../format';
import type { Sheet } from '../types';
import { findingState } from './findings';

/** The self-inspection findings the API gives as a criterion's evidence (a department's sheet). */
export const FindingsEvidence = ({ sheet }: { sheet: Sheet }) => {
  const { campaign } = useApp();
  return (
    <>
      {Object.entries(sheet.evidence ?? {}).map(([code, { findings }]) => (
        <section key={code} aria-labelledby={`evidence-${code}`}>
          <h2 id={`evidence-${code}`}>Kết quả tự kiểm tra trong năm — kiểm chứng tiêu chí “{campaign.criteria.find((criterion) => criterion.code === code)?.label ?? code}”</h2>
          {findings.length === 0 ? (
            <p>Không có tồn tại nào được ghi nhận.</p>
          ) : (
            <ul>
              {findings.map((finding) => (
                <li key={finding.findingId}>
                  {formatDate(finding.date)} — {finding.area}: {finding.shortcoming} ({findingState(finding)})
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
};
