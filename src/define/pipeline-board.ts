// The board shows the lost-reason dialog in its own shadow root, so defining the board defines the dialog too.
import './lost-dialog.js';
import { DealPipelineBoard } from '../elements/pipeline-board/pipeline-board.js';
import { defineElement } from '../internal/define.js';

defineElement('deal-pipeline-board', DealPipelineBoard);

export { DealPipelineBoard };
export { DealMoveEvent, type DealMoveDetail } from '../events/deal-move.js';
export { DealMovedEvent, type DealMovedDetail } from '../events/deal-moved.js';
export { DealOpenEvent, type DealOpenDetail } from '../events/deal-open.js';
export { DealWonEvent, type DealWonDetail } from '../events/deal-won.js';
export { DealRestoredEvent, type DealRestoredDetail } from '../events/deal-restored.js';
