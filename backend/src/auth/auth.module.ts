import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';
import { LoginLimiter } from './login-limiter.js';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [CONFIG],
      useFactory: (c: AppConfig) => ({
        // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to read the secret as a
        // public key on every verification, a measurable cost per request.
        secret: createSecretKey(Buffer.from(c.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: c.jwtTtlSeconds },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginAttemptsRepository, LoginLimiter, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [LoginLimiter],
})
export class AuthModule {}
