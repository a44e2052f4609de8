import { Global, Module } from '@nestjs/common';
import { RateLimitBackend } from './rate-limit.backend';

/** What the edge needs from Nest's container: the rate limit's store (its Redis client, or none). */
@Global()
@Module({ providers: [RateLimitBackend], exports: [RateLimitBackend] })
export class EdgeModule {}
