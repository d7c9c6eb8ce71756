// npm entry: `import { init } from '@hark/widget'`. The UI chunk is a dynamic import,
// so bundlers split it off and the host app only downloads it when a survey shows.
import { createHark } from './widget.ts';
import type { UiModule } from './types.ts';

export type { InitOptions, HarkEvent, HarkEventDetail, HarkListener, Traits } from './types.ts';
export type { HarkApi } from './widget.ts';

const hark = createHark(() => import('./ui/index.tsx').then((m) => m.ui as UiModule));

export const { init, identify, track, show, hide, on, destroy } = hark;
export default hark;
