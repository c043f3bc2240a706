import type { AppModule } from '../platform/app-context.js';
import { platformModule } from '../platform/platform-module.js';

/** The composition root's list of modules, in registration order. */
export const MODULES: AppModule[] = [platformModule];
