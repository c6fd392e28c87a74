/**
 * Region names in report sentences (user audit, session 35, item 16: "the Rest of world 46"): proper
 * names keep their capitals and take "the" where English needs it; group names that are common nouns
 * read as such ("the rest of the world", "the allies"), their member lists kept.
 */
import { describe, expect, it } from 'vitest';
import { regionWithArticle } from '../../src/report/regionWithArticle.ts';

describe('regionWithArticle', () => {
  it('puts "the" before the names that need it and leaves country names alone', () => {
    expect(regionWithArticle('United States')).toBe('the United States');
    expect(regionWithArticle('European Union')).toBe('the European Union');
    expect(regionWithArticle('China')).toBe('China');
    expect(regionWithArticle('Japan (incl. Okinawa)')).toBe('Japan (incl. Okinawa)');
  });

  it('writes the shipped scenarios\' group names as common nouns, in lower case, keeping any list of members', () => {
    expect(regionWithArticle('Rest of world')).toBe('the rest of the world');
    expect(regionWithArticle('Rest of the world')).toBe('the rest of the world');
    expect(regionWithArticle('Allies')).toBe('the allies');
    expect(regionWithArticle('Rest of world (incl. DRC, Chile)')).toBe('the rest of the world (incl. DRC, Chile)');
    expect(regionWithArticle('Allies (Australia, Japan, EU, Canada)')).toBe('the allies (Australia, Japan, EU, Canada)');
    // Never "the the …", nor a capital mid-sentence.
    for (const name of ['Rest of world', 'Allies (Australia)']) expect(regionWithArticle(name)).not.toMatch(/the the|the [A-Z]/);
  });

  it('does not take a name that merely starts like a group for one', () => {
    expect(regionWithArticle('Allies of Europe')).toBe('the Allies of Europe');
    expect(regionWithArticle('Restonia')).toBe('Restonia');
  });
});
