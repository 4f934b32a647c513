"""Where applicants' files live: a storage without public URL, reached only through permission-checked views."""

from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage outside MEDIA_ROOT that refuses to hand out URLs."""

    def url(self, name):
        raise NotImplementedError("Private files have no URL; serve them through a permission-checked view.")


def private_storage():
    return storages["private"]
