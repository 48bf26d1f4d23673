import { describe, expect, it } from 'vitest';
import { buildThread, visibleCount } from '../../lib/core/comment-tree';
import type { CommentRow } from '../../lib/core/rows';

function row(id: string, createdAt: number, extra: Partial<CommentRow> = {}): CommentRow {
  return {
    id,
    pageId: 'p',
    parentId: null,
    text: id,
    authorUid: 'u',
    authorName: 'U',
    anonymous: false,
    likeCount: 0,
    moderated: false,
    createdAt,
    updatedAt: createdAt,
    editedAt: null,
    deleted: false,
    syncState: 'synced',
    ...extra,
  };
}

describe('buildThread', () => {
  it('orders top-level comments oldest first', () => {
    const nodes = buildThread([row('b', 2), row('a', 1), row('c', 3)]);
    expect(nodes.map((n) => n.comment.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts replies under their parent, oldest first', () => {
    const nodes = buildThread([row('a', 1), row('r2', 5, { parentId: 'a' }), row('r1', 4, { parentId: 'a' })]);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('leaves out a deleted comment without replies', () => {
    expect(buildThread([row('a', 1, { deleted: true }), row('b', 2)]).map((n) => n.comment.id)).toEqual(['b']);
  });

  it('keeps a deleted comment with live replies as a placeholder', () => {
    const nodes = buildThread([row('a', 1, { deleted: true }), row('r', 2, { parentId: 'a' })]);
    expect(nodes[0]!.comment.deleted).toBe(true);
    expect(nodes[0]!.replies).toHaveLength(1);
  });

  it('keeps a comment or reply hidden by moderation, so readers are told why it is gone', () => {
    const nodes = buildThread([row('a', 1, { deleted: true, moderated: true }), row('b', 2), row('r', 3, { parentId: 'b', deleted: true, moderated: true })]);
    expect(nodes.map((n) => n.comment.id)).toEqual(['a', 'b']);
    expect(nodes[1]!.replies.map((r) => r.id)).toEqual(['r']);
  });

  it('leaves out deleted replies', () => {
    const nodes = buildThread([row('a', 1), row('r', 2, { parentId: 'a', deleted: true })]);
    expect(nodes[0]!.replies).toHaveLength(0);
  });

  it('shows a reply whose parent is not known locally at top level rather than losing it', () => {
    expect(buildThread([row('r', 2, { parentId: 'missing' })]).map((n) => n.comment.id)).toEqual(['r']);
  });

  it('counts only comments a reader sees', () => {
    expect(visibleCount([row('a', 1), row('b', 2, { deleted: true }), row('r', 3, { parentId: 'a' })])).toBe(2);
    expect(visibleCount([row('a', 1), row('h', 2, { held: true })])).toBe(1);
  });

  it('counts a pending comment but not a refused one', () => {
    expect(visibleCount([row('a', 1, { syncState: 'pending' }), row('b', 2, { syncState: 'refused' })])).toBe(1);
  });
});
