// highlights: placeholder
