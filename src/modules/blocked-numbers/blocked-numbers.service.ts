import { Inject, Injectable } from '@nestjs/common';
import { GatewayError, ValidationFailedError } from '../../common/errors/gateway-error';
import { InvalidParam } from '../../common/errors/problem';
import { AppConfig, APP_CONFIG } from '../../config/configuration';
import { TenantTimeZones, timeZoneOf } from '../../config/isales-time-zones.config';
import { IsalesClient } from '../../upstream/isales.client';
import { IsalesBlockedNumber } from '../../upstream/isales.types';
import { alreadyBlocked, duplicateNumbers, toBlockedNumber, toBlocklistQuery, toIsalesBlocklist } from './blocked-number.mapper';
import { NumbersRefusedError } from './blocked-numbers.errors';
import { AddBlockedNumbersDto } from './dto/add-blocked-numbers.dto';
import { BlockedNumberDto, BlockedNumberPageDto } from './dto/blocked-number.dto';
import { DEFAULT_PAGE_SIZE, ListBlockedNumbersQueryDto } from './dto/list-blocked-numbers.query.dto';

/** blocklist/add's codes for a set of numbers it refuses, as the problem's `upstream.code` says them. */
const ALREADY_BLOCKED = '0200007';
const DUPLICATES = '0200018';

@Injectable()
export class BlockedNumbersService {
  /** The expiries are zone-less: the tenant's wall clock (ISALES_TIME_ZONE, ISALES_TIME_ZONES), as the call results'. */
  private readonly zones: TenantTimeZones;

  constructor(
    private readonly isales: IsalesClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.zones = config.isales.timeZones;
  }

  /** A page, or the given numbers: never both (blocklist/query takes exactly one of the two; the DTO refuses both). */
  async list(vdnId: number, query: ListBlockedNumbersQueryDto): Promise<BlockedNumberPageDto> {
    if (query.numbers !== undefined) {
      const numbers = [...new Set(query.numbers)];
      const page = await this.isales.listBlockedNumbers(vdnId, toBlocklistQuery({ numbers }));
      return { items: this.numbersOf(vdnId, page.items), page: 1, pageSize: numbers.length, total: page.total };
    }
    const paging = { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE };
    const page = await this.isales.listBlockedNumbers(vdnId, toBlocklistQuery(paging));
    return { items: this.numbersOf(vdnId, page.items), ...paging, total: page.total };
  }

  /**
   * No number twice, checked before iSales is called (the DTO keeps an expiry and a period apart). iSales' own refusals
   * name the numbers at fault where the gateway can tell which.
   */
  async add(vdnId: number, input: AddBlockedNumbersDto): Promise<void> {
    const duplicates = duplicateNumbers(input.numbers);
    if (duplicates.length > 0) throw new ValidationFailedError(duplicates);
    try {
      await this.isales.addBlockedNumbers(vdnId, toIsalesBlocklist(input, timeZoneOf(this.zones, vdnId)));
    } catch (error) {
      if (!(error instanceof GatewayError) || error.upstreamMeaning?.outcome !== 'business_error') throw error;
      if (error.upstream?.code === ALREADY_BLOCKED) throw new NumbersRefusedError(error, await this.blockedAmong(vdnId, input.numbers));
      if (error.upstream?.code === DUPLICATES)
        throw new NumbersRefusedError(error, allNumbers(input.numbers, 'one of these numbers is a duplicate for iSales'));
      throw error;
    }
  }

  remove(vdnId: number, number: string): Promise<void> {
    return this.isales.deleteBlockedNumber(vdnId, number);
  }

  removeAll(vdnId: number): Promise<void> {
    return this.isales.deleteAllBlockedNumbers(vdnId);
  }

  private numbersOf(vdnId: number, entries: readonly IsalesBlockedNumber[]): BlockedNumberDto[] {
    const zone = timeZoneOf(this.zones, vdnId);
    return entries.map((entry) => toBlockedNumber(entry, zone));
  }

  /** Which of `numbers` iSales lists as blocked: a read after the refusal; when it fails, every number is named. */
  private async blockedAmong(vdnId: number, numbers: string[]): Promise<InvalidParam[]> {
    const fallback = allNumbers(numbers, 'one of these numbers is already blocked');
    try {
      const page = await this.isales.listBlockedNumbers(vdnId, toBlocklistQuery({ numbers }));
      const named = alreadyBlocked(numbers, this.numbersOf(vdnId, page.items));
      return named.length > 0 ? named : fallback;
    } catch {
      return fallback;
    }
  }
}

function allNumbers(numbers: readonly string[], reason: string): InvalidParam[] {
  return numbers.map((_, index) => ({ name: `numbers[${index}]`, reason }));
}
