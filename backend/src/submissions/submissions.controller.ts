import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { ChildSubmission, CompilePreview, HistoryEntry, Page, PreviousRound, SaveDataResponse, SourceValue, Submission, SubmissionListItem, VerifyResult, WorkPage } from '@bdg/api-types';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { badRequest } from '../common/errors.js';
import { sendJson } from '../common/json-text.js';
import { PageQuery } from '../common/paging.js';
import { ListSubmissionsQuery, MyWorkQuery, SaveDataDto, SendEventDto } from './submissions.dto.js';
import { SubmissionsService } from './submissions.service.js';
import { CompilePreviewService } from './compile-preview.service.js';
import { IntegrityService } from './integrity.service.js';
import { TraceService } from './trace.service.js';
import { TransitionsService } from './transitions.service.js';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => badRequest('Mã báo cáo (id) không hợp lệ.') });

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('api')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly previews: CompilePreviewService,
    private readonly trace: TraceService,
    private readonly transitions: TransitionsService,
    private readonly integrity: IntegrityService,
  ) {}

  @Get('my-work') myWork(@CurrentUser() u: AuthUser, @Query() q: MyWorkQuery): Promise<WorkPage<Date> | Page<SubmissionListItem<Date>>> {
    return this.submissions.myWork(u, q);
  }
  @Get('submissions') list(@CurrentUser() u: AuthUser, @Query() q: ListSubmissionsQuery): Promise<Page<SubmissionListItem<Date>>> {
    return this.submissions.list(u, q);
  }
  @Get('submissions/:id') get(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<Submission<Date>> {
    return this.submissions.get(u, id);
  }
  /** A large body's draft arrives as a BodyText (common/large-body.ts) and its answer leaves as text (JsonText). */
  @Put('submissions/:id/data') async save(
    @CurrentUser() u: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: SaveDataDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SaveDataResponse<Date> | string> {
    return sendJson(res, await this.submissions.saveData(u, id, dto.data, dto.version, dto.rawInputs));
  }
  @Post('submissions/:id/events') @HttpCode(200) async event(
    @CurrentUser() u: AuthUser,
    @Param('id', uuid) id: string,
    @Body() dto: SendEventDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.transitions.send(u, id, dto);
    if ('queued' in result) res.status(202);
    return result;
  }
  @Get('submissions/:id/history') history(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Query() q: PageQuery): Promise<Page<HistoryEntry<Date>>> {
    return this.submissions.history(u, id, q);
  }
  @Get('submissions/:id/children') children(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<ChildSubmission<Date>[]> {
    return this.submissions.children(u, id);
  }
  @Get('submissions/:id/returned') returned(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string) {
    return this.submissions.returned(u, id);
  }
  @Get('submissions/:id/previous') previous(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<PreviousRound | null> {
    return this.submissions.previous(u, id);
  }
  @Get('submissions/:id/sources') sources(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string, @Query('path') path?: string): Promise<SourceValue[]> {
    if (!path || !/^(\/[^/]{1,100}){1,12}$/.test(path)) throw badRequest('Tham số "path" phải là đường dẫn trường, ví dụ /I/tongSoCBGVNV.');
    return this.trace.sources(u, id, path);
  }
  @Get('submissions/:id/compile-preview') compilePreview(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<CompilePreview> {
    return this.previews.preview(u, id);
  }
  @Get('submissions/:id/verify') verify(@CurrentUser() u: AuthUser, @Param('id', uuid) id: string): Promise<VerifyResult> {
    return this.integrity.verify(u, id);
  }
}
