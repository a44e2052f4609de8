import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { MAX_IDS } from '../../../common/dto/id-list';

/** An agent business account or agent ID (appoint/list userAccountList); iSales documents no format. */
export const AGENT_ACCOUNT_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;

/**
 * `agents=a,b` (or repeated `agents=`) as a list of account strings, like IdList but for agent
 * accounts, which are not numeric. At most MAX_IDS of them.
 */
export function AgentList(): PropertyDecorator {
  const decorators = [
    Transform(({ value }: { value: unknown }) =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()),
    ),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_IDS),
    Matches(AGENT_ACCOUNT_PATTERN, { each: true, message: '$property must be comma-separated agent accounts ([A-Za-z0-9_.@-], at most 64 characters each)' }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}
