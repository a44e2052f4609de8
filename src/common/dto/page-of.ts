import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** What a resource's page says of its `total`: resources count differently, so each describes its own. */
export interface PageTotal<Nullable extends boolean> {
  readonly description: string;
  readonly example: number;
  /** True when iSales may send no count (the total is then null). */
  readonly nullable: Nullable;
}

/** The usual `total`: what iSales counted, not what the page holds. */
export const MATCHES_TOTAL = "iSales' total count of matches, whatever this page holds; null when iSales did not send one.";

/**
 * The page every list route answers (src/modules/resource-reads.ts builds it): `items` of `item`, the
 * page and size asked for, and the resource's total. A resource subclasses what this returns, so the
 * document names the schema after the subclass (`CampaignPageDto`); the class sits outside the
 * `.dto.ts` files the swagger CLI plugin reads, so its properties carry their descriptions themselves.
 */
export function PageOf<Item, Nullable extends boolean>(item: Type<Item>, total: PageTotal<Nullable>) {
  const nullable = total.nullable ? { nullable: true } : {};

  abstract class Page {
    @ApiProperty({ type: [item] })
    items: Item[];

    @ApiProperty({ example: 1 })
    page: number;

    @ApiProperty({ example: 20 })
    pageSize: number;

    @ApiProperty({ type: Number, ...nullable, description: total.description, example: total.example })
    total: Nullable extends true ? number | null : number;
  }
  return Page;
}
