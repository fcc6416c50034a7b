#!/usr/bin/env python3
"""Checks that every relative link and image in the given Markdown files points to an existing file and,
for a #fragment, to an existing heading (anchors made as GitHub makes them). Exit status 1 if one is broken.
Usage: python3 docs/check-links.py README.md docs/*.md"""
import os
import re
import sys
import unicodedata


def slug(heading):
    text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', heading)  # a link in a heading keeps its text
    text = text.replace('`', '').replace('*', '').strip().lower()
    text = ''.join(c for c in text
                   if c.isalnum() or c in ' -_' or unicodedata.category(c).startswith('M'))
    return text.replace(' ', '-')


def anchors(path):
    found, seen, fence = set(), {}, False
    for line in open(path, encoding='utf-8'):
        if line.startswith('```'):
            fence = not fence
            continue
        heading = None if fence else re.match(r'(#{1,6})\s+(.*?)\s*#*\s*$', line)
        if heading:
            base = slug(heading.group(2))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f'{base}-{n}')  # GitHub numbers repeated headings
    return found


def main(files):
    broken = checked = 0
    for name in files:
        text = open(name, encoding='utf-8').read()
        text = re.sub(r'```.*?```', '', text, flags=re.S)  # code blocks hold no links
        # code spans hold no links either, unless the span is a link's text: [`x`](target)
        text = re.sub(r'`[^`\n]*`', lambda m: ' ' * len(m.group(0)), text)
        for link in re.finditer(r'!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^)\s]+)\)', text):
            target = link.group(1)
            checked += 1
            if re.match(r'[a-z]+:', target):  # http:, https:, mailto: are not checked
                continue
            path, _, fragment = target.partition('#')
            resolved = os.path.normpath(os.path.join(os.path.dirname(name), path)) if path else name
            if not os.path.exists(resolved):
                print(f'{name}: missing file {target}')
                broken += 1
            elif fragment and resolved.endswith('.md') and fragment not in anchors(resolved):
                print(f'{name}: missing anchor {target}')
                broken += 1
    print(f'{checked} links checked, {broken} broken')
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
