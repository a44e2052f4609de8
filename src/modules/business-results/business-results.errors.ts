import { ProblemKind, ProblemKindError } from '../../common/errors/gateway-error';

const TOO_LARGE: ProblemKind = { slug: 'business-results-too-large', title: 'The business-result tree is too large to look codes up in', status: 502 };

/**
 * A code lookup in a tree over BUSINESS_RESULTS_MAX_BYTES: finding a code would take a fetch of the
 * whole tree per request, which one tenant could repeat at every other tenant's expense.
 */
export class BusinessResultsTooLargeError extends ProblemKindError {
  constructor(vdnId: number) {
    super(TOO_LARGE, `The business-result tree of VDN ${vdnId} is larger than this gateway keeps: list it page by page instead`);
  }
}
