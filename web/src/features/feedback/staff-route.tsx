import { Route, Routes } from 'react-router';
import { StaffAppealPage } from './staff-appeal-page';
import { StaffQueue } from './staff-queue';

/** /staff/feedback: the appeals desk of operators, officers and organisation staff. */
export function Component() {
  return (
    <Routes>
      <Route index element={<StaffQueue />} />
      <Route path="appeals/:appealId" element={<StaffAppealPage />} />
    </Routes>
  );
}
