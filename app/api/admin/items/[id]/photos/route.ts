// POST /api/admin/items/<id>/photos — the warehouse's photo screen uploads QC photos here (multipart
// `photo`, one or more, and an optional `note`). A route handler, not a server action: a phone photo
// is several megabytes, past the actions' 1 MB body limit. The screen sends one photo per request;
// a body over one photo's limit plus the form's framing (bodyLimits.qcPhotoUpload) is refused
// before it is held.
import { userActor } from '@/lib/audit/actor';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { errorJson } from '@/lib/errors/http';
import { bodyLimits, readBodyBytes } from '@/lib/http/read-body';
import { isSameOrigin } from '@/lib/http/same-origin';
import { addItemPhotos } from '@/lib/warehouse/photos/add-item-photos';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'private, no-store' };

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    // The session cookie rides along on any POST to us: only our own pages may send one.
    if (!isSameOrigin(request)) throw new AppError('forbidden', 'Upload from the photo screen');
    const user = await requirePermission('orders:warehouse');
    const { id } = await ctx.params;
    if (!/^\d{1,15}$/.test(id)) throw new AppError('not_found', 'No such item');
    const body = await readBodyBytes(request, bodyLimits.qcPhotoUpload);
    const form = await new Response(new Uint8Array(body), { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData().catch(() => {
      throw new AppError('validation_failed', 'Send the photos as a multipart form', { reason: 'not_image' });
    });
    const files = form.getAll('photo').filter((f): f is File => typeof f !== 'string');
    const note = form.get('note');
    const added = await addItemPhotos(getDb(), {
      itemId: Number(id),
      files: await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer()))),
      ...(typeof note === 'string' ? { note } : {}),
      actor: userActor(user),
      uploadedBy: user.id,
    });
    return Response.json(added, { headers });
  } catch (error) {
    return errorJson(error, { where: '[admin] POST /api/admin/items/[id]/photos', headers, withDetails: true });
  }
}
