import { Route, Routes } from 'react-router';
import { KindergartenPage } from './kindergarten-page';
import { CatalogPage } from './catalog-page';

/** Детские сады: the public catalog (/kindergartens) and a kindergarten's page (/kindergartens/:id). */
export function Component() {
  return (
    <Routes>
      <Route index element={<CatalogPage />} />
      <Route path=":id" element={<KindergartenPage />} />
    </Routes>
  );
}
