import { Route, Routes } from 'react-router';
import { CataloguePage } from './catalogue-page';
import { RatingsPage } from './ratings-page';
import { SituationPage } from './situation-page';

/** Жизненные ситуации: the catalogue, «Ваш контроль» and a situation's step-by-step page. */
export function Component() {
  return (
    <Routes>
      <Route index element={<CataloguePage />} />
      <Route path="ratings" element={<RatingsPage />} />
      <Route path=":code" element={<SituationPage />} />
    </Routes>
  );
}
