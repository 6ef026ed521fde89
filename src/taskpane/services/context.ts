/** React context carrying the PaneServices the components use (real ones, or a fake in tests). */
import { createContext, useContext } from 'react';
import type { PaneServices } from './types';

export const ServicesContext = createContext<PaneServices | null>(null);

export function useServices(): PaneServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesContext is not provided');
  return s;
}
