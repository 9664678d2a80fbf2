"""The glossary (/begrippen/)."""

from django.urls import path

from glossary import views as glossary

urlpatterns = [
    path("", glossary.glossary, name="glossary"),
    path("nieuw/", glossary.term_create, name="glossary-term-create"),
    path("<slug:slug>/", glossary.term_detail, name="glossary-term"),
    path("<slug:slug>/vergelijken/", glossary.term_compare, name="glossary-term-compare"),
    path("<slug:slug>/voorstellen/", glossary.version_propose, name="glossary-version-propose"),
    path("<slug:slug>/versies/<int:number>/vaststellen/", glossary.version_accept, name="glossary-version-accept"),
    path("<slug:slug>/versies/<int:number>/afwijzen/", glossary.version_reject, name="glossary-version-reject"),
]
