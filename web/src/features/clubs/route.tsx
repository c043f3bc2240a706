import { Route, Routes } from 'react-router';
import { CatalogPage } from './catalog-page';
import { ProgrammePage } from './programme-page';

/** Кружки и секции: the public catalog (/clubs) and a programme's page (/clubs/programmes/:id). */
export function Component() {
  return (
    <Routes>
      <Route index element={<CatalogPage />} />
      <Route path="programmes/:id" element={<ProgrammePage />} />
    </Routes>
  );
}
