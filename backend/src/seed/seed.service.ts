import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { OrgRepository } from '../org/org.repository.js';
import { hashPassword } from '../users/users.service.js';
import { UsersRepository } from '../users/users.repository.js';

export const ROOT_UNIT_CODE = 'BGDDT';

/** First start: the root unit and the `admin` user; idempotent, so every start may run it. */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly log = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly org: OrgRepository,
    private readonly users: UsersRepository,
  ) {}

  async onApplicationBootstrap() {
    await this.ensureBase();
  }

  async ensureBase() {
    await this.db.transaction(async (m) => {
      // One seeder at a time, even with several app processes starting together.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('bdg-seed'))`);
      let root = await this.org.byCode(ROOT_UNIT_CODE, m);
      if (!root) {
        await this.org.insert(m, { code: ROOT_UNIT_CODE, name: 'Bộ Giáo dục và Đào tạo', kind: 'bo', parentId: null });
        root = await this.org.byCode(ROOT_UNIT_CODE, m);
        this.log.log('Đã tạo đơn vị gốc');
      }
      if (!(await this.users.usernameTaken('admin', m))) {
        await this.users.insert(m, {
          username: 'admin',
          passwordHash: await hashPassword(this.config.adminPassword),
          fullName: 'Quản trị hệ thống',
          unitId: root!.id,
          roles: ['admin', 'reviewer'],
        });
        this.log.log('Đã tạo tài khoản admin');
      }
    });
  }
}
