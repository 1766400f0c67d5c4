// POST /api/admin/parcels/<number>/photos — photos of the packed parcel from its admin page (multipart
// `photo`, one per request, like the QC photo route beside it: past the server actions' 1 MB body limit).
import { userActor } from '@/lib/audit/actor';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { errorJson } from '@/lib/errors/http';
import { bodyLimits, readBodyBytes } from '@/lib/http/read-body';
import { isSameOrigin } from '@/lib/http/same-origin';
import { parcelNumberPattern } from '@/lib/parcels/parcel-number';
import { addParcelPhotos } from '@/lib/parcels/parcel-photos';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function POST(request: Request, ctx: { params: Promise<{ number: string }> }): Promise<Response> {
  try {
    if (!isSameOrigin(request)) throw new AppError('forbidden', 'Upload from the parcel screen');
    const user = await requirePermission('parcels:pack');
    const { number } = await ctx.params;
    if (!parcelNumberPattern.test(number)) throw new AppError('not_found', 'Parcel not found');
    const body = await readBodyBytes(request, bodyLimits.qcPhotoUpload);
    const form = await new Response(new Uint8Array(body), { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData().catch(() => {
      throw new AppError('validation_failed', 'Send the photos as a multipart form', { reason: 'not_image' });
    });
    const files = form.getAll('photo').filter((f): f is File => typeof f !== 'string');
    const added = await addParcelPhotos(getDb(), { number, files: await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer()))), actor: userActor(user), uploadedBy: user.id });
    return Response.json(added, { headers });
  } catch (error) {
    return errorJson(error, { where: '[admin] POST /api/admin/parcels/[number]/photos', headers, withDetails: true });
  }
}
