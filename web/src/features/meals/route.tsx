import { Route, Routes } from 'react-router';
import { SchoolMenuPage } from './school-menu-page';
import { SchoolSearchPage } from './school-search-page';

/** Школьное питание: find a school (/meals) and its menu of today and the week (/meals/:organisationId). */
export function Component() {
  return (
    <Routes>
      <Route index element={<SchoolSearchPage />} />
      <Route path=":organisationId" element={<SchoolMenuPage />} />
    </Routes>
  );
}
