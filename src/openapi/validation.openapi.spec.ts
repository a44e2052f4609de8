import 'reflect-metadata';
import { Body, Controller, Post, Query } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiOperation, ApiProperty, ApiPropertyOptional, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { AtLeastOneOf } from '../common/dto/at-least-one';
import { Variants } from '../common/dto/variants';
import { applyValidationRules, UndocumentedRuleError } from './validation.openapi';

class ThingQuery {
  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @Matches(/^[0-9]{1,3}$/)
  code?: string;
}

@AtLeastOneOf(['kind', 'name', 'note'])
@Variants({
  discriminator: 'kind',
  variants: { a: { schemaName: 'ThingA', description: 'a', without: ['note'] }, b: { schemaName: 'ThingB', description: 'b', without: [] } },
})
class ThingBody {
  @ApiProperty({ enum: ['a', 'b'] })
  @IsIn(['a', 'b'])
  kind: string;

  @ApiProperty()
  @Matches(/^[a-z]{1,8}$/)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  note?: string;
}

@Controller('things')
class ThingsController {
  @Post()
  @ApiOperation({ operationId: 'createThing' })
  create(@Query() _query: ThingQuery, @Body() _body: ThingBody): void {}
}

class ShoutingBody {
  @ApiProperty()
  @ValidateBy({ name: 'noShouting', validator: { validate: (v: unknown) => typeof v === 'string' && v !== v.toUpperCase() } })
  text: string;
}

@Controller('shouts')
class ShoutsController {
  @Post()
  @ApiOperation({ operationId: 'shout' })
  create(@Body() _body: ShoutingBody): void {}
}

async function documentOf(controller: new () => unknown) {
  const module = await Test.createTestingModule({ controllers: [controller] }).compile();
  const app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  try {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    return applyValidationRules(app, document);
  } finally {
    await app.close();
  }
}

describe('applyValidationRules', () => {
  it('states what the validation enforces: patterns, lengths, plain text, required, closed bodies, minProperties, variants', async () => {
    const document = await documentOf(ThingsController);
    const schemas = document.components!.schemas as Record<string, Record<string, unknown>>;
    expect(document.paths['/things'].post!.parameters).toEqual([
      expect.objectContaining({ name: 'code', in: 'query', required: false, schema: expect.objectContaining({ type: 'string', pattern: '^[0-9]{1,3}$' }) }),
    ]);
    expect(schemas.ThingBody).toEqual({
      description: 'One of a, b, by kind.',
      oneOf: [{ $ref: '#/components/schemas/ThingA' }, { $ref: '#/components/schemas/ThingB' }],
      discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/ThingA', b: '#/components/schemas/ThingB' } },
    });
    expect(schemas.ThingA).toMatchObject({ additionalProperties: false, minProperties: 1, required: ['kind', 'name'], properties: { kind: { enum: ['a'] } } });
    expect(schemas.ThingA.properties).not.toHaveProperty('note');
    expect(schemas.ThingB).toMatchObject({
      properties: {
        name: { pattern: '^[a-z]{1,8}$' },
        note: { type: 'string', maxLength: 20, pattern: '^[^\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]*$' },
      },
    });
  });

  it('fails on a rule it cannot state', async () => {
    await expect(documentOf(ShoutsController)).rejects.toThrow(UndocumentedRuleError);
    await expect(documentOf(ShoutsController)).rejects.toThrow(/ShoutingBody\.text: the rule noShouting has no OpenAPI translation/);
  });
});
