import { Route, Routes } from 'react-router';
import { WaveListPage } from './wave-list-page';
import { WavePage } from './wave-page';

/** Комплектование (/staff/placement): waves, their drafts with cut-offs, confirmation. */
export function Component() {
  return (
    <Routes>
      <Route index element={<WaveListPage />} />
      <Route path=":waveId" element={<WavePage />} />
    </Routes>
  );
}
