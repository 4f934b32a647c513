"""The only way WeasyPrint reaches anything: our own bundled assets, by name.

A letter links its stylesheet and images as `asset:NAME`. Every other URL — file:, http(s):, other schemes, data:
URLs beyond a few kilobytes — is refused, so that nothing an applicant or editor writes can make the renderer read a
file or call a server, and nothing is fetched by following a redirect.
"""

import mimetypes
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

ASSETS = Path(__file__).resolve().parent / "assets"
ASSET_SCHEME = "asset:"
#: The largest data: URL the renderer decodes.
MAX_DATA_URL = 16 * 1024


class RefusedURL(URLFetchingError):
    """A URL outside our bundled assets."""


class AssetFetcher(URLFetcher):
    """Serves the files in decisions/assets/ as `asset:NAME` and refuses everything else."""

    def __init__(self):
        super().__init__(allowed_protocols=("asset", "data"), allow_redirects=False, fail_on_errors=False)
        self.assets = {path.name: path for path in ASSETS.iterdir() if path.is_file()}

    def fetch(self, url, headers=None):
        if url.startswith(ASSET_SCHEME):
            path = self.assets.get(url.removeprefix(ASSET_SCHEME).lstrip("/"))
            if path is None:
                raise RefusedURL(f"No such asset: {url[:80]}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
        if url.startswith("data:") and len(url) <= MAX_DATA_URL:
            return super().fetch(url, headers)
        raise RefusedURL(f"Refused: {url[:80]}")
