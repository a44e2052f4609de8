import { Controller, Get, Module } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
class Hello { /** the greeting */ hello: string; }
@Controller()
class HelloController { @Get('hi') hi(): Hello { return { hello: 'x' }; } }
@Module({ controllers: [HelloController] })
export class AppModule {}
