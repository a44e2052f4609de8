import { CommaSeparatedList } from '../../../upstream/id-list';

/** An agent business account or agent ID (appoint/list userAccountList); iSales documents no format. */
export const AGENT_ACCOUNT_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

/** `agents=a,b`: agent accounts, which are not numeric. */
export function AgentList(): PropertyDecorator {
  return CommaSeparatedList(AGENT_ACCOUNT_PATTERN, '$property must be comma-separated agent accounts ([A-Za-z0-9_.@-], at most 64 characters each)');
}
