import { Controller, Get, Header, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { Public } from '../common/current-user.js';
import type { AppConfig } from '../config/config.js';
import { CONFIG } from '../config/config.module.js';
import { eventLoopLag, metricsRegistry } from './metrics.js';

@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The process is up. */
  @Get('healthz') @HttpCode(200) healthz() {
    return { status: 'ok' };
  }

  /** Not stalled (event-loop lag under READY_MAX_LAG_MS), the database answers and every migration is applied. */
  @Get('readyz') async readyz(@Res() res: Response) {
    const lagMs = Math.round(eventLoopLag.recentMaxMs());
    if (lagMs > this.config.readyMaxLagMs)
      return res.status(503).json({ status: 'busy', lagMs, message: `Máy chủ đang bận (độ trễ xử lý ${lagMs.toLocaleString('vi-VN')} ms); vui lòng thử lại sau.` });
    try {
      await this.db.query('SELECT 1');
      const pending = await this.db.showMigrations();
      if (pending) return res.status(503).json({ status: 'migrating', message: 'Đang cập nhật cấu trúc cơ sở dữ liệu.' });
      return res.status(200).json({ status: 'ready' });
    } catch {
      return res.status(503).json({ status: 'unavailable', message: 'Cơ sở dữ liệu không truy cập được.' });
    }
  }

  @Get('metrics') @Header('Content-Type', 'text/plain; version=0.0.4') metrics() {
    return metricsRegistry.metrics();
  }
}
