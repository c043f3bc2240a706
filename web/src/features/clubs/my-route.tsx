import { Route, Routes } from 'react-router';
import { MyEnrolmentsPage } from './my-enrolments-page';

/** «Мои кружки» (/my/clubs, and an enrolment's link /my/clubs/enrolments/:id lands on the list). */
export function Component() {
  return (
    <Routes>
      <Route index element={<MyEnrolmentsPage />} />
      <Route path="enrolments/:id" element={<MyEnrolmentsPage />} />
    </Routes>
  );
}
