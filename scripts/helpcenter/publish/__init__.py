"""What the build writes besides the pages: search indexes and worker, asset names, server rules,
dates, the site folder itself."""
