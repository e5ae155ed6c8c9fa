import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import type { BulkAcceptResult, ReviewSummary } from '@bdg/api-types';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../common/current-user.js';
import { BulkAcceptDto, ReviewSummaryQuery } from './bulk-accept.dto.js';
import { BulkAcceptService } from './bulk-accept.service.js';

/** The reviewer's list of children (issue #18): what each report shows now, and accepting several at once. */
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('api/submissions')
export class ReviewController {
  constructor(private readonly bulk: BulkAcceptService) {}

  /** For each id (≤ 100): contentHash, errors, warnings and the accept event the user may send now. */
  @Get('review-summary') summary(@CurrentUser() u: AuthUser, @Query() q: ReviewSummaryQuery): Promise<ReviewSummary[]> {
    return this.bulk.summaries(u, q.ids);
  }
  /** `{accepted, refused}`: each item accepted with its own contentHash; a changed one is refused, the others proceed. */
  @Post('bulk-accept') @HttpCode(200) accept(@CurrentUser() u: AuthUser, @Body() dto: BulkAcceptDto): Promise<BulkAcceptResult> {
    return this.bulk.accept(u, dto.items);
  }
}
