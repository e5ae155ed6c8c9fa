import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../common/current-user.js';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { FlowsService } from '../flows/flows.service.js';
import { defaultGoverningBody, defaultHeadTitle, defaultShortName, defaultSignAuthority, type UnitFacts } from '../org/letterhead-defaults.js';
import { OrgRepository } from '../org/org.repository.js';
import { RegimesService } from '../regimes/regimes.service.js';
import { RoundsService } from '../rounds/rounds.service.js';
import { TemplatesService } from '../templates/templates.service.js';
import { hashPassword } from '../users/users.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { DEMO_PASSWORD, type DemoUnit, HUNG_YEN, PHU_THO } from './demo-data.js';
import { AN_GIANG, GIA_LAI, HA_NOI, HOA_BINH } from './demo-provinces.js';

/** Every demo province; each is created once, so a database seeded before a province was added gets it on the next start. */
const DEMO_PROVINCES = [HUNG_YEN, PHU_THO, GIA_LAI, AN_GIANG, HOA_BINH, HA_NOI];
/** The demo's "today": the rounds each new province's regimes open first are those from this day on. */
const DEMO_FROM = '2027-01-01';

export const ROOT_UNIT_CODE = 'BGDDT';

/**
 * First start: the root unit, the `admin` user, the shipped templates and flows, and (in demo mode)
 * two provinces with users and open rounds. Idempotent, and serialised across processes.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly log = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly org: OrgRepository,
    private readonly users: UsersRepository,
    private readonly templates: TemplatesService,
    private readonly flows: FlowsService,
    private readonly rounds: RoundsService,
    private readonly regimes: RegimesService,
  ) {}

  async onApplicationBootstrap() {
    const rootId = await this.ensureBase();
    await this.templates.seedFromFiles(rootId);
    await this.flows.seedFromFiles(rootId);
    if (this.config.seedDemo) await this.seedDemo(rootId);
  }

  async ensureBase(): Promise<string> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('bdg-seed'))`);
      let root = await this.org.byCode(ROOT_UNIT_CODE, m);
      if (!root) {
        await this.org.insert(m, { code: ROOT_UNIT_CODE, name: 'Bộ Giáo dục và Đào tạo', kind: 'bo', parentId: null });
        root = await this.org.byCode(ROOT_UNIT_CODE, m);
      }
      if (!(await this.users.usernameHolder('admin', m))) {
        await this.users.insert(m, {
          username: 'admin',
          passwordHash: await hashPassword(this.config.adminPassword),
          fullName: 'Quản trị hệ thống',
          unitId: root!.id,
          roles: ['admin', 'reviewer'],
        });
      }
      return root!.id;
    });
  }

  async seedDemo(rootId: string) {
    const created = await this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('bdg-seed-demo'))`);
      const missing: DemoUnit[] = [];
      for (const p of DEMO_PROVINCES) if (!(await this.org.byCode(p.code, m))) missing.push(p);
      if (!missing.length) return [];
      // One hash for every demo account: they share the printed demo password anyway.
      const hash = await hashPassword(DEMO_PASSWORD);
      for (const province of missing) await this.insertTree(m, province, rootId, hash, true);
      return missing.map((p) => p.code);
    });
    if (!created.length) return;
    if (created.includes(HUNG_YEN.code)) await this.openDemoRounds();
    // The provincial plans whose tree the demo has, owned by the admin of their root unit.
    const seeded = await this.regimes.seedFromFiles(async (code) => {
      const unit = await this.org.byCode(code);
      const admin = unit && (await this.users.listInSubtree(unit.path, unit.id)).find((x) => x.roles.includes('admin'));
      return unit && admin ? { unitId: unit.id, adminId: admin.id } : null;
    });
    // Each new province's plans running: their first round from the demo's "today" is open. (Hưng Yên
    // and Phú Thọ have their hand-opened rounds; their regimes open the next ones by themselves.)
    const fresh = new Set(DEMO_PROVINCES.filter((p) => created.includes(p.code) && p !== HUNG_YEN && p !== PHU_THO).flatMap(unitCodes));
    for (const r of seeded) if (fresh.has(r.rootUnitCode)) await this.regimes.openUpcoming(r.code, DEMO_FROM);
    this.log.log(`Đã tạo dữ liệu mẫu: ${created.join(', ')}, người dùng, chế độ báo cáo và đợt báo cáo`);
  }

  private async insertTree(m: EntityManager, u: DemoUnit, parentId: string, hash: string, province = false, parent: UnitFacts | null = null) {
    const facts: UnitFacts = { name: u.name, kind: u.kind, placeName: u.place ?? null };
    const id = await this.org.insert(m, {
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId,
      placeName: u.place ?? null,
      governingBody: u.governingBody ?? defaultGoverningBody(facts, parent),
      shortName: defaultShortName(facts),
      headTitle: defaultHeadTitle(u.kind),
      signAuthority: defaultSignAuthority(u.kind),
    });
    const roles: [string, string, string[]][] = u.kind.startsWith('truong')
      ? [
          ['editor', 'Cán bộ nhập liệu', ['editor']],
          ['head', 'Hiệu trưởng', ['head']],
        ]
      : [
          ['reviewer', 'Chuyên viên', ['reviewer', 'editor']],
          ['head', 'Thủ trưởng', ['head']],
        ];
    if (province || u.admin) roles.push(['admin', 'Quản trị', ['admin']]);
    // A deputy who signs on the head's behalf ("KT. TRƯỞNG PHÒNG"), as the Khoái Châu plan itself is signed.
    if (u.deputy) roles.push(['pho', u.deputy, ['head']]);
    for (const [suffix, title, r] of roles) {
      const username = province && suffix === 'admin' ? `${u.login.split('.')[0]}.admin` : `${u.login}.${suffix}`;
      const position = suffix === 'pho' ? title : null;
      await this.users.insert(m, { username, passwordHash: hash, fullName: `${title} — ${u.name}`, unitId: id, roles: r, position });
    }
    for (const c of u.children ?? []) await this.insertTree(m, c, id, hash, false, facts);
  }

  private async openDemoRounds() {
    const adminOf = async (code: string): Promise<AuthUser> => {
      const unit = (await this.org.byCode(code))!;
      return { id: (await this.users.listInSubtree(unit.path, unit.id)).find((x) => x.roles.includes('admin'))!.id, username: 'seed', fullName: 'Khởi tạo', unitId: unit.id, unitPath: unit.path, roles: ['admin'] };
    };
    const hy = await adminOf(HUNG_YEN.code);
    // Khoái Châu plan: schools to the Phòng before 12/5, the Phòng to the Sở after.
    await this.rounds.open(hy, {
      name: 'Báo cáo tổng kết BĐG và VSTBPN giai đoạn 2016–2020',
      template: { code: 'khoai-chau-bdg-2016-2020', version: 1 },
      rootUnitId: hy.unitId,
      period: '2016-2020',
      flows: { truong_mn: 'truong', truong_th: 'truong', truong_thcs: 'truong', phong: 'phong', so: 'so' },
      deadlines: { truong_mn: '2027-05-12', truong_th: '2027-05-12', truong_thcs: '2027-05-12', phong: '2027-05-20', so: '2027-05-31' },
    });
    const pt = await adminOf(PHU_THO.code);
    // Hòa Bình plan (now Phú Thọ): the 6-month report before 10/5.
    await this.rounds.open(pt, {
      name: 'Báo cáo BĐG và VSTBPN 6 tháng đầu năm 2027',
      template: { code: 'bdg-vstbpn-dinh-ky', version: 1 },
      rootUnitId: pt.unitId,
      period: '6 tháng đầu năm 2027',
      flows: { truong_mn: 'truong', truong_th: 'truong', truong_thcs: 'truong', xa: 'phong', truong_thpt: 'truong-truc-tiep', so: 'so' },
      deadlines: { truong_mn: '2027-05-05', truong_th: '2027-05-05', truong_thcs: '2027-05-05', xa: '2027-05-08', truong_thpt: '2027-05-08', so: '2027-05-10' },
    });
  }
}

function unitCodes(u: DemoUnit): string[] {
  return [u.code, ...(u.children ?? []).flatMap(unitCodes)];
}
