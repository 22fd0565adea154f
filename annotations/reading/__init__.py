"""Reading: structuring texts, the article store, fetching pages, rendering, the reader's views."""
