import { Global, Module } from '@nestjs/common';
import { RedisClients } from './redis-clients';

/** Owns every Redis client: made from REDIS_*, waited for once at start-up, closed at shutdown. */
@Global()
@Module({ providers: [RedisClients], exports: [RedisClients] })
export class RedisModule {}
