import { Injectable, type OnModuleInit } from '@nestjs/common';
import { notFound } from '../common/errors.js';
import { type CompileLargePayload, JOB } from '../jobs/job-names.js';
import { type JobContext, JobsService } from '../jobs/jobs.service.js';
import { UsersService } from '../users/users.service.js';
import type { SendEventDto } from './submissions.dto.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { TransitionsRepository } from './transitions.repository.js';
import { TransitionsService } from './transitions.service.js';

/** The `compile-large` job: the COMPILE a request handed to the background (TransitionsService.send). */
@Injectable()
export class CompileLargeJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly users: UsersService,
    private readonly transitions: TransitionsService,
    private readonly repo: TransitionsRepository,
    private readonly submissions: SubmissionsRepository,
  ) {}

  onModuleInit() {
    this.jobs.handle<CompileLargePayload>(JOB.compileLarge, (ctx) => this.run(ctx));
  }

  /**
   * COMPILE of a unit with a very large subtree, as the reviewer who asked. A compilation done after
   * the request means this job's effect already happened (a second delivery does nothing).
   */
  async run(ctx: JobContext<CompileLargePayload>) {
    const { submissionId, userId, requestedAt, eventType } = ctx.data;
    const user = await this.users.authUser(userId);
    if (!user) throw notFound('Người yêu cầu tổng hợp không còn hoạt động.');
    return this.submissions.transaction(async (m) => {
      const done = await this.repo.lockCompile(m, submissionId);
      if (!done) throw notFound('Không tìm thấy báo cáo.');
      if (done.compiledAt && requestedAt && done.compiledAt >= new Date(requestedAt)) return { alreadyCompiled: true, compiledAt: done.compiledAt.toISOString() };
      await ctx.progress(10);
      const res = await this.transitions.sendInJob(user, submissionId, { type: eventType } as SendEventDto);
      return { state: res.state, included: res.compiled?.included ?? null, total: res.compiled?.total ?? null };
    });
  }
}
